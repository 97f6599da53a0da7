----------------------------- MODULE SVG -----------------------------
(***************************************************************************)
(* SVG pictures as records (bundled with rdsib; written from the public    *)
(* documentation of the CommunityModules module of the same name): an      *)
(* element is [name, attrs, children, innerText].  SVGElemToString,        *)
(* NodeOfRingNetwork and PointOnLine are computed natively as TLC's Java   *)
(* overrides compute them (engine/eval/library-svg.ts);                    *)
(* NodesOfDirectedMultiGraph (a graph layout library in TLC) is not.       *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE Integers
LOCAL INSTANCE TLC
LOCAL INSTANCE FiniteSets

\* the fields of both records, r1's value where both have one
LOCAL Merge(r1, r2) ==
  LET D1 == DOMAIN r1
      D2 == DOMAIN r2
  IN  [k \in (D1 \cup D2) |-> IF k \in D1 THEN r1[k] ELSE r2[k]]

SVGElem(_name, _attrs, _children, _innerText) ==
  [name |-> _name, attrs |-> _attrs, children |-> _children, innerText |-> _innerText]

Line(x1, y1, x2, y2, attrs) ==
  LET svgAttrs == [x1 |-> ToString(x1), y1 |-> ToString(y1),
                   x2 |-> ToString(x2), y2 |-> ToString(y2)]
  IN  SVGElem("line", Merge(svgAttrs, attrs), <<>>, "")

Circle(cx, cy, r, attrs) ==
  LET svgAttrs == [cx |-> ToString(cx), cy |-> ToString(cy), r |-> ToString(r)]
  IN  SVGElem("circle", Merge(svgAttrs, attrs), <<>>, "")

Rect(x, y, w, h, attrs) ==
  LET svgAttrs == [x |-> ToString(x), y |-> ToString(y),
                   width |-> ToString(w), height |-> ToString(h)]
  IN  SVGElem("rect", Merge(svgAttrs, attrs), <<>>, "")

Text(x, y, text, attrs) ==
  LET svgAttrs == [x |-> ToString(x), y |-> ToString(y)]
  IN  SVGElem("text", Merge(svgAttrs, attrs), <<>>, text)

Image(x, y, width, height, href, attrs) ==
  LET svgAttrs == ("xlink:href" :> href @@ "x" :> ToString(x) @@ "y" :> ToString(y) @@
                   "width" :> ToString(width) @@ "height" :> ToString(height))
  IN  SVGElem("image", Merge(svgAttrs, attrs), <<>>, "")

Group(children, attrs) == SVGElem("g", attrs, children, "")

Svg(children, attrs) == SVGElem("svg", attrs, children, "")

\* the element's SVG text (native)
SVGElemToString(elem) == TRUE

-------------------------------------------------------------------------------

\* where the n-th of m nodes sits on a circle of radius r around (cx, cy) (native)
NodeOfRingNetwork(cx, cy, r, n, m) == [x |-> 0, y |-> 0]

\* node positions of a laid out graph (a layout library in TLC; not provided)
NodesOfDirectedMultiGraph(nodes, edges, options) ==
  CHOOSE f \in [nodes -> [x : Int, y : Int]] : TRUE

PointOnLine(from, to, segment) ==
  [x |-> from.x + ((to.x - from.x) \div segment),
   y |-> from.y + ((to.y - from.y) \div segment)]

=============================================================================
