;; Writes a line, then proc_exit(42): the guest's status becomes detwasm's exit code and nothing
;; after proc_exit runs.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "exiting with status 42\n")
  (data (i32.const 1088) "after proc_exit: never printed\n")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func (export "_start")
    (call $write (i32.const 1024) (i32.const 23))
    (call $proc_exit (i32.const 42))
    (call $write (i32.const 1088) (i32.const 31)))
)
