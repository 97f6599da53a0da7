------------------------------ MODULE IOUtils ------------------------------
(***************************************************************************)
(* Input and output (bundled with rdsib; written from the public           *)
(* documentation of the CommunityModules module of the same name).  TLC    *)
(* performs these in Java; engine/eval/library-io.ts does so natively:     *)
(* IOEnv is the process environment as a record (a spec is parametrised    *)
(* with IOEnv.N), IOExec & co. run a command and give its exit value and   *)
(* output, IOSerialize / IODeserialize write and read a value (in ITF JSON *)
(* here, Java's serialization in TLC: files are not exchangeable).         *)
(* Serialize and Deserialize are not provided natively.                    *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE SequencesExt

IOSerialize(val, absoluteFilename, compress) == TRUE

IODeserialize(absoluteFilename, compressed) == CHOOSE val : TRUE

Serialize(value, dest, options) ==
  CHOOSE r \in [exitValue : Int, stdout : STRING, stderr : STRING] : TRUE

Deserialize(src, options) == CHOOSE val : TRUE

-----------------------------------------------------------------------------

\* run command[1] with arguments command[2], command[3], ...
IOExec(command) ==
  CHOOSE r \in [exitValue : Int, stdout : STRING, stderr : STRING] : TRUE

\* the same with the variables of env, a set of pairs <<name, value>>, added
IOEnvExec(env, command) ==
  CHOOSE r \in [exitValue : Int, stdout : STRING, stderr : STRING] : TRUE

\* the command's parts with %s (or %n$s) replaced by the parameters
IOExecTemplate(commandTemplate, parameters) ==
  CHOOSE r \in [exitValue : Int, stdout : STRING, stderr : STRING] : TRUE

IOEnvExecTemplate(env, commandTemplate, parameters) ==
  CHOOSE r \in [exitValue : Int, stdout : STRING, stderr : STRING] : TRUE

IOEnv == CHOOSE r \in [STRING -> STRING] : TRUE

atoi(str) == CHOOSE i \in Int : ToString(i) = str

\* n in decimal with leading zeros up to width characters
zeroPadN(n, width) ==
  LET s == ToString(n)
      zeros == [i \in 1..(width - Len(s)) |-> "0"]
  IN  FoldLeft(LAMBDA acc, z : acc \o z, "", zeros) \o s

=============================================================================
