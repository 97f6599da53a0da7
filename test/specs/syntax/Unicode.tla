(* Written with TLA+'s Unicode symbols, as SANY accepts since 2024 (and TLAUC writes). *)
───────────────────────────── MODULE Unicode ─────────────────────────────
EXTENDS Naturals, Sequences
CONSTANT N
VARIABLES x, log
vars ≜ ⟨x, log⟩

TypeOK ≜ x ∈ 0 ‥ N ∧ log ∈ Seq({"up", "down"})
Init ≜ x = 0 ∧ log = ⟨⟩
Up ≜ ∧ x < N
     ∧ x′ = x + 1
     ∧ log′ = Append(log, "up")
Down ≜ ∧ x > 0 ∧ Len(log) < 3
       ∧ x′ = x - 1
       ∧ log′ = log ∘ ⟨"down"⟩
Next ≜ Up ∨ Down ∨ (Len(log) ≥ 3 ∧ UNCHANGED vars)
Spec ≜ Init ∧ □[Next]_vars ∧ WF_vars(Up)
\* ∀, ∃, ⇒, ≠, ≤, ⊆, ∪, ¬, ↦, →, ×: every log is in the set of its own prefixes
Shape ≜ ∀ i ∈ 1 ‥ Len(log) : ∃ s ∈ {"up", "down"} : log[i] = s
Bound ≜ Len(log) ≤ 3 ⇒ x ≠ N + 1
Sets ≜ {x} ⊆ (0 ‥ N) ∪ {} ∧ ¬(x ∈ {}) ∧ [i ∈ {1} ↦ x] ∈ [{1} → 0 ‥ N] ∧ ⟨x, x⟩ ∈ (0 ‥ N) × (0 ‥ N)
Reach ≜ ◇(x = N) ∧ (x = 0 ↝ x = N)
─────────────────────────────────────────────────────────────────────────
════════════════════════════════════════════════════════════════════════
