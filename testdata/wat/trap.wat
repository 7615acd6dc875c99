;; Writes a line, then executes `unreachable`: the run ends as a trap (detwasm exits 70) and what
;; was written before stays written.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "before the trap\n")
  (data (i32.const 1088) "after the trap: never printed\n")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $fail
    unreachable)

  (func (export "_start")
    (call $write (i32.const 1024) (i32.const 16))
    (call $fail)
    (call $write (i32.const 1088) (i32.const 30)))
)
