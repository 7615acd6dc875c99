;; Threaded. A worker calls proc_exit(7) while main waits for it (memory.atomic.wait32 on a done
;; flag that the worker never sets): the whole program ends with status 7, and nothing after
;; proc_exit runs, in the worker or in main. Under fifo: main spawns the worker, goes on, prints
;; its line and waits; then the worker runs.
;;
;; Memory: 0..63 scratch for output, 64 done, 1024.. strings.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "wasi" "thread-spawn" (func $thread_spawn (param i32) (result i32)))
  (import "env" "memory" (memory 1 1 shared))
  (export "memory" (memory 0))

  (global $DONE i32 (i32.const 64))

  (data (i32.const 1024) "main: waiting for the worker\n")
  (data (i32.const 1056) "worker: proc_exit(7)\n")
  (data (i32.const 1088) "worker: after proc_exit, never printed\n")
  (data (i32.const 1136) "main: the worker is done, never printed\n")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (call $write (i32.const 1056) (i32.const 21))
    (call $proc_exit (i32.const 7))
    (call $write (i32.const 1088) (i32.const 39))
    (i32.atomic.store (global.get $DONE) (i32.const 1))
    (drop (memory.atomic.notify (global.get $DONE) (i32.const 1))))

  (func (export "_start")
    (drop (call $thread_spawn (i32.const 0)))
    (call $write (i32.const 1024) (i32.const 29))
    (loop $wait
      (if (i32.eqz (i32.atomic.load (global.get $DONE)))
        (then
          (drop (memory.atomic.wait32 (global.get $DONE) (i32.const 0) (i64.const -1)))
          (br $wait))))
    (call $write (i32.const 1136) (i32.const 40)))
)
