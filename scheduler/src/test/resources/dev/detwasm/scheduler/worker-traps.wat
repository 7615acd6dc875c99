;; A worker traps while main waits for it forever: the trap ends the program and main's
;; blocked carrier is unwound.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "test" "record" (func $record (param i32)))
  (func (export "_start")
    (call $record (call $spawn (i32.const 7)))
    (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1))))
  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (call $record (local.get $arg))
    unreachable))
