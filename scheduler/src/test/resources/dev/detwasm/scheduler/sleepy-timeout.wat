;; Main waits on 0x10 with a 5 ms timeout that nobody notifies, records the result (2 = timed
;; out), then waits on 0x20 forever: a deadlock.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "test" "record" (func $record (param i32)))
  (func (export "_start")
    (call $record (memory.atomic.wait32 (i32.const 0x10) (i32.const 0) (i64.const 5000000)))
    (drop (memory.atomic.wait32 (i32.const 0x20) (i32.const 0) (i64.const -1))))
  (func (export "wasi_thread_start") (param i32 i32)))
