;; Two workers each read a shared counter and write it back plus one, with atomic loads and
;; stores: each access is a scheduling point, but the read-modify-write is not atomic. Main
;; waits for both, prints the counter and exits with 1 when an update was lost.
;; Memory: 0 counter, 4 workers done, 16 iovec, 24 bytes written, 32 text.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))

  (func (export "_start")
    (local $seen i32)
    (drop (call $spawn (i32.const 1)))
    (drop (call $spawn (i32.const 2)))
    (block $finished
      (loop $wait
        (local.set $seen (i32.atomic.load (i32.const 4)))
        (br_if $finished (i32.eq (local.get $seen) (i32.const 2)))
        (drop (memory.atomic.wait32 (i32.const 4) (local.get $seen) (i64.const -1)))
        (br $wait)))
    (i32.store8 (i32.const 32) (i32.add (i32.const 48) (i32.atomic.load (i32.const 0))))
    (i32.store8 (i32.const 33) (i32.const 10))
    (i32.store (i32.const 16) (i32.const 32))
    (i32.store (i32.const 20) (i32.const 2))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
    (if (i32.ne (i32.atomic.load (i32.const 0)) (i32.const 2))
      (then (call $exit (i32.const 1)))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (local $v i32)
    (local.set $v (i32.atomic.load (i32.const 0)))
    (i32.atomic.store (i32.const 0) (i32.add (local.get $v) (i32.const 1)))
    (drop (i32.atomic.rmw.add (i32.const 4) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 4) (i32.const 1)))))
