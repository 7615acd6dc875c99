;; Threaded. A deadlock: worker 1 takes lock A then lock B, worker 2 takes B then A, and each
;; yields (sched_yield) between the two. The locks are made of atomics (compare-exchange to take,
;; memory.atomic.wait32 while held). Under fifo: main spawns both workers and waits for them;
;; worker 1 takes A and yields, worker 2 takes B and yields, worker 1 waits for B, worker 2 for
;; A. Every thread waits and no timer is pending: detwasm reports the deadlock, naming what each
;; thread waits on (main on done at 0x48, worker 1 on B at 0x44, worker 2 on A at 0x40), and
;; exits 71.
;;
;; Memory: 0..63 scratch for output, 64 lock A, 68 lock B, 72 done, 1024.. strings.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (import "wasi" "thread-spawn" (func $thread_spawn (param i32) (result i32)))
  (import "env" "memory" (memory 1 1 shared))
  (export "memory" (memory 0))

  (global $A i32 (i32.const 64))
  (global $B i32 (i32.const 68))
  (global $DONE i32 (i32.const 72))

  (data (i32.const 1024) "worker 1: holds A\n")
  (data (i32.const 1056) "worker 1: wants B\n")
  (data (i32.const 1088) "worker 1: holds A and B\n")
  (data (i32.const 1120) "worker 2: holds B\n")
  (data (i32.const 1152) "worker 2: wants A\n")
  (data (i32.const 1184) "worker 2: holds B and A\n")
  (data (i32.const 1216) "main: both workers done\n")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $lock (param $addr i32)
    (loop $retry
      (if (i32.atomic.rmw.cmpxchg (local.get $addr) (i32.const 0) (i32.const 1))
        (then
          (drop (memory.atomic.wait32 (local.get $addr) (i32.const 1) (i64.const -1)))
          (br $retry)))))

  (func $unlock (param $addr i32)
    (i32.atomic.store (local.get $addr) (i32.const 0))
    (drop (memory.atomic.notify (local.get $addr) (i32.const 1))))

  ;; Worker 1 (arg 0) takes A then B; worker 2 (arg 32*3 = 96) takes B then A. arg is the offset
  ;; of the worker's messages from 1024.
  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (local $first i32)
    (local $second i32)
    (local.set $first (select (global.get $A) (global.get $B) (i32.eqz (local.get $arg))))
    (local.set $second (select (global.get $B) (global.get $A) (i32.eqz (local.get $arg))))
    (call $lock (local.get $first))
    (call $write (i32.add (i32.const 1024) (local.get $arg)) (i32.const 18))
    (drop (call $sched_yield))
    (call $write (i32.add (i32.const 1056) (local.get $arg)) (i32.const 18))
    (call $lock (local.get $second))
    (call $write (i32.add (i32.const 1088) (local.get $arg)) (i32.const 24))
    (call $unlock (local.get $second))
    (call $unlock (local.get $first))
    (drop (i32.atomic.rmw.add (global.get $DONE) (i32.const 1)))
    (drop (memory.atomic.notify (global.get $DONE) (i32.const 1))))

  (func (export "_start")
    (local $done i32)
    (drop (call $thread_spawn (i32.const 0)))
    (drop (call $thread_spawn (i32.const 96)))
    (block $joined
      (loop $wait
        (local.set $done (i32.atomic.load (global.get $DONE)))
        (br_if $joined (i32.eq (local.get $done) (i32.const 2)))
        (drop (memory.atomic.wait32 (global.get $DONE) (local.get $done) (i64.const -1)))
        (br $wait)))
    (call $write (i32.const 1216) (i32.const 24)))
)
