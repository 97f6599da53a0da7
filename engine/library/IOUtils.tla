------------------------------ MODULE IOUtils ------------------------------
(***************************************************************************)
(* The environment part of the CommunityModules module IOUtils (bundled    *)
(* with rdsib; written from its public documentation).  IOEnv is the       *)
(* process environment as a record from variable names to strings, so a    *)
(* spec can be parametrised with IOEnv.N; TLC evaluates it in Java, and    *)
(* engine/eval/library-core.ts natively.  The file and process operators   *)
(* of the module (IOExec, Serialize, ...) are not provided.                *)
(***************************************************************************)
LOCAL INSTANCE Naturals

IOEnv == CHOOSE r \in [STRING -> STRING] : TRUE

=============================================================================
