;; Two workers wait on the same address; main notifies one, then the other. Which waiter the
;; first notify wakes is a wake decision; the woken worker prints its number first.
;; Memory: 0 the address waited on, 4 workers waiting, 8 workers done, 16.. per-worker iovec
;; and text at 16 * arg.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $yield (result i32)))

  (func (export "_start")
    (local $seen i32)
    (drop (call $spawn (i32.const 1)))
    (drop (call $spawn (i32.const 2)))
    (block $ready
      (loop $poll
        (br_if $ready (i32.eq (i32.atomic.load (i32.const 4)) (i32.const 2)))
        (drop (call $yield))
        (br $poll)))
    (drop (memory.atomic.notify (i32.const 0) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 0) (i32.const 1)))
    (block $finished
      (loop $wait
        (local.set $seen (i32.atomic.load (i32.const 8)))
        (br_if $finished (i32.eq (local.get $seen) (i32.const 2)))
        (drop (memory.atomic.wait32 (i32.const 8) (local.get $seen) (i64.const -1)))
        (br $wait))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (local $at i32)
    (local.set $at (i32.mul (local.get $arg) (i32.const 16)))
    (drop (i32.atomic.rmw.add (i32.const 4) (i32.const 1)))
    (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))
    (i32.store8 (i32.add (local.get $at) (i32.const 8)) (i32.add (i32.const 48) (local.get $arg)))
    (i32.store (local.get $at) (i32.add (local.get $at) (i32.const 8)))
    (i32.store (i32.add (local.get $at) (i32.const 4)) (i32.const 1))
    (drop (call $fd_write (i32.const 1) (local.get $at) (i32.const 1) (i32.const 12)))
    (drop (i32.atomic.rmw.add (i32.const 8) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 8) (i32.const 1)))))
