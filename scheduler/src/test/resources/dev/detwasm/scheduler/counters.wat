;; Main spawns two threads (start args 1 and 2) that each record arg*10+i for i = 0..2 while
;; bumping a shared counter, then count themselves done and notify. Main waits until both are
;; done and records the counter.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "test" "record" (func $record (param i32)))
  (global $counter i32 (i32.const 0))
  (global $done i32 (i32.const 4))

  (func (export "_start")
    (local $seen i32)
    (drop (call $spawn (i32.const 1)))
    (drop (call $spawn (i32.const 2)))
    (call $record (i32.const 100))
    ;; Waits on the value it checked: loading it again for the wait could miss the last wake.
    (block $finished
      (loop $wait
        (local.set $seen (i32.atomic.load (global.get $done)))
        (br_if $finished (i32.eq (local.get $seen) (i32.const 2)))
        (drop (memory.atomic.wait32 (global.get $done) (local.get $seen) (i64.const -1)))
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
