;; counters.wat with a classic bug: main loads the done count twice, once to check it and once
;; as the value to wait on. If the last worker finishes between the two loads, main waits for a
;; wake that has already happened. Fifo never switches there; other schedules deadlock.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "test" "record" (func $record (param i32)))
  (global $counter i32 (i32.const 0))
  (global $done i32 (i32.const 4))

  (func (export "_start")
    (drop (call $spawn (i32.const 1)))
    (drop (call $spawn (i32.const 2)))
    (call $record (i32.const 100))
    (block $finished
      (loop $wait
        (br_if $finished (i32.eq (i32.atomic.load (global.get $done)) (i32.const 2)))
        (drop (memory.atomic.wait32
          (global.get $done) (i32.atomic.load (global.get $done)) (i64.const -1)))
        (br $wait)))
    (call $record (i32.atomic.load (global.get $counter))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (local $i i32)
    (loop $step
      (call $record (i32.add (i32.mul (local.get $arg) (i32.const 10)) (local.get $i)))
      (drop (i32.atomic.rmw.add (global.get $counter) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $step (i32.lt_u (local.get $i) (i32.const 3))))
    (drop (i32.atomic.rmw.add (global.get $done) (i32.const 1)))
    (drop (memory.atomic.notify (global.get $done) (i32.const 1)))))
