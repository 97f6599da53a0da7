-------------------------------- MODULE CSV --------------------------------
(***************************************************************************)
(* CSV files (bundled with rdsib; written from the public documentation of *)
(* the CommunityModules module of the same name).  TLC performs the I/O in *)
(* Java; engine/eval/library-io.ts does so natively for CSVWrite, CSVRead  *)
(* and CSVRecords.  CSVWriteRecord is its definition here (TRUE, no file). *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers

\* append the template, its %n$s filled with the values of val, as a line
CSVWrite(template, val, file) == TRUE

CSVWriteRecord(record, delim, headers, file) == TRUE

\* the file's lines as records with the given column names
CSVRead(columns, delimiter, file) == TRUE

\* the number of lines of the file (0 if there is none)
CSVRecords(file) == CHOOSE n : n \in Nat

============================================================================
