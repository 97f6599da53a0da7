-------------------------------- MODULE Json --------------------------------
(***************************************************************************)
(* JSON values in and out (bundled with rdsib; written from the public     *)
(* documentation of the CommunityModules module of the same name).  TLC    *)
(* evaluates every operator in Java; engine/eval/library-json.ts does the  *)
(* same: records and functions become JSON objects, sequences and sets     *)
(* arrays, strings and model values strings; back from JSON, objects are   *)
(* records, arrays sequences, numbers integers.  The definitions below     *)
(* only say so.                                                            *)
(***************************************************************************)
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

\* the JSON text of a value
ToJson(value) == CHOOSE s \in STRING : TRUE

\* the JSON text of a sequence or set, as an array
ToJsonArray(value) == CHOOSE s \in STRING : TRUE

\* the JSON text of a record or function, as an object
ToJsonObject(value) == CHOOSE s \in STRING : TRUE

\* write the sequence of values to the file as one JSON array
JsonSerialize(absoluteFilename, value) == TRUE

\* the value of the JSON file (an array is a sequence)
JsonDeserialize(absoluteFilename) == CHOOSE val : TRUE

\* write the sequence of values to the file, one JSON value a line
ndJsonSerialize(absoluteFilename, value) == TRUE

\* the sequence of the values of the file's non-empty lines
ndJsonDeserialize(absoluteFilename) == CHOOSE val : TRUE

=============================================================================
