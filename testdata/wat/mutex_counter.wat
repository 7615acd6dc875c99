;; Threaded. Three workers each add 1 to a plain counter 100 times under a lock made of atomics:
;; compare-exchange 0 -> 1 takes it, memory.atomic.wait32 sleeps while it is held, and release
;; is an atomic store of 0 and memory.atomic.notify of one waiter. Each worker yields
;; (sched_yield) inside its critical section, so under fifo the others find the lock held and
;; wait on it. Main waits until all three have counted themselves done, then prints
;; counter=300: no update is lost under any schedule, and the program exits 1 if one were.
;;
;; Memory: 0..63 scratch for output, 64 the lock, 68 the counter, 72 done, 1024.. strings.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "wasi" "thread-spawn" (func $thread_spawn (param i32) (result i32)))
  (import "env" "memory" (memory 1 1 shared))
  (export "memory" (memory 0))

  (global $LOCK i32 (i32.const 64))
  (global $COUNTER i32 (i32.const 68))
  (global $DONE i32 (i32.const 72))
  (global $WORKERS i32 (i32.const 3))
  (global $ROUNDS i32 (i32.const 100))

  (data (i32.const 1024) "counter=")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  ;; Writes n (unsigned) in decimal, then a newline.
  (func $write_line_num (param $n i32)
    (local $p i32)
    (i32.store8 (i32.const 48) (i32.const 10))
    (local.set $p (i32.const 48))
    (loop $digits
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digits (local.get $n)))
    (call $write (local.get $p) (i32.sub (i32.const 49) (local.get $p))))

  (func $lock (param $addr i32)
    (loop $retry
      (if (i32.atomic.rmw.cmpxchg (local.get $addr) (i32.const 0) (i32.const 1))
        (then
          ;; Held: sleep until a release notifies, unless it was released meanwhile.
          (drop (memory.atomic.wait32 (local.get $addr) (i32.const 1) (i64.const -1)))
          (br $retry)))))

  (func $unlock (param $addr i32)
    (i32.atomic.store (local.get $addr) (i32.const 0))
    (drop (memory.atomic.notify (local.get $addr) (i32.const 1))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (local $i i32)
    (loop $rounds
      (call $lock (global.get $LOCK))
      (i32.store (global.get $COUNTER) (i32.add (i32.load (global.get $COUNTER)) (i32.const 1)))
      (drop (call $sched_yield))
      (call $unlock (global.get $LOCK))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $rounds (i32.lt_u (local.get $i) (global.get $ROUNDS))))
    (drop (i32.atomic.rmw.add (global.get $DONE) (i32.const 1)))
    (drop (memory.atomic.notify (global.get $DONE) (i32.const 1))))

  (func (export "_start")
    (local $i i32)
    (local $done i32)
    (local $counter i32)
    (loop $spawn
      (drop (call $thread_spawn (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $spawn (i32.lt_u (local.get $i) (global.get $WORKERS))))
    (block $joined
      (loop $wait
        (local.set $done (i32.atomic.load (global.get $DONE)))
        (br_if $joined (i32.eq (local.get $done) (global.get $WORKERS)))
        (drop (memory.atomic.wait32 (global.get $DONE) (local.get $done) (i64.const -1)))
        (br $wait)))
    (local.set $counter (i32.load (global.get $COUNTER)))
    (call $write (i32.const 1024) (i32.const 8))
    (call $write_line_num (local.get $counter))
    (if (i32.ne (local.get $counter) (i32.mul (global.get $WORKERS) (global.get $ROUNDS)))
      (then (call $proc_exit (i32.const 1)))))
)
