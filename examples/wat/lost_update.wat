;; A lost update, the smallest: two threads each add 1 to a shared counter as an atomic load
;; followed by an atomic store (each a scheduling point, so another thread may run in between).
;; main waits for both, prints the counter and exits 1 when it is not 2. Under fifo each thread
;; runs to its end and the counter is 2; an interleaving that switches between a load and its
;; store loses an update. Memory: 0 counter, 4 finished threads, 8.. output.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "wasi" "thread-spawn" (func $thread_spawn (param i32) (result i32)))
  (import "env" "memory" (memory 1 1 shared))
  (data (i32.const 32) "counter=0\n")

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (local $seen i32)
    (local.set $seen (i32.atomic.load (i32.const 0)))
    (i32.atomic.store (i32.const 0) (i32.add (local.get $seen) (i32.const 1)))
    (drop (i32.atomic.rmw.add (i32.const 4) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 4) (i32.const 1))))

  (func (export "_start")
    (local $done i32)
    (local $counter i32)
    (drop (call $thread_spawn (i32.const 0)))
    (drop (call $thread_spawn (i32.const 0)))
    (block $joined
      (loop $wait
        (local.set $done (i32.atomic.load (i32.const 4)))
        (br_if $joined (i32.eq (local.get $done) (i32.const 2)))
        (drop (memory.atomic.wait32 (i32.const 4) (local.get $done) (i64.const -1)))
        (br $wait)))
    (local.set $counter (i32.atomic.load (i32.const 0)))
    ;; "counter=N\n" with N a single digit (0, 1 or 2).
    (i32.store8 (i32.const 40) (i32.add (i32.const 48) (local.get $counter)))
    (i32.store (i32.const 8) (i32.const 32))
    (i32.store (i32.const 12) (i32.const 10))
    (drop (call $fd_write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 16)))
    (if (i32.ne (local.get $counter) (i32.const 2))
      (then (call $proc_exit (i32.const 1))))))
