;; Threaded. A lost-update race. Two workers each add 1 to a shared counter three times, in two
;; steps: an atomic load, then an atomic store of the value read plus 1 (a read-modify-write that
;; is not atomic). Each atomic operation is a scheduling point, so another thread may run between
;; the load and the store, and what it stored meanwhile is overwritten. (The loads and stores are
;; atomic only to make them scheduling points: plain ones are not, without the shared-access
;; transform.) Each worker logs the values it read; main waits for both, then prints the logs and
;; the counter, and exits 1 when an update was lost. Under fifo each worker runs to completion:
;; worker 1 reads 0 1 2, worker 2 reads 3 4 5, counter=6. Under --schedule random the seed
;; decides where the switches fall.
;;
;; Memory: 0..63 scratch for output, 64 counter, 68 done (workers finished), 128.. the logs
;; (worker w's i-th read at 128 + 16 w + 4 i), 1024.. strings.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "wasi" "thread-spawn" (func $thread_spawn (param i32) (result i32)))
  (import "env" "memory" (memory 1 1 shared))
  (export "memory" (memory 0))

  (global $COUNTER i32 (i32.const 64))
  (global $DONE i32 (i32.const 68))
  (global $LOGS i32 (i32.const 128))
  (global $WORKERS i32 (i32.const 2))
  (global $ROUNDS i32 (i32.const 3))

  (data (i32.const 1024) "worker ")
  (data (i32.const 1040) " read:")
  (data (i32.const 1056) "counter=")
  (data (i32.const 1072) " (no update lost)\n")
  (data (i32.const 1096) " (lost update)\n")

  ;; Writes bytes [ptr, ptr+len) to stdout.
  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  ;; Writes n (unsigned) in decimal.
  (func $write_num (param $n i32)
    (local $p i32)
    (local.set $p (i32.const 48))
    (loop $digits
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digits (local.get $n)))
    (call $write (local.get $p) (i32.sub (i32.const 48) (local.get $p))))

  (func $write_char (param $c i32)
    (i32.store8 (i32.const 56) (local.get $c))
    (call $write (i32.const 56) (i32.const 1)))

  ;; The worker: tid is 1 or 2, in spawn order; arg is its worker number, also 1 or 2.
  (func (export "wasi_thread_start") (param $tid i32) (param $worker i32)
    (local $i i32)
    (local $seen i32)
    (loop $rounds
      (local.set $seen (i32.atomic.load (global.get $COUNTER)))
      (i32.store
        (i32.add (global.get $LOGS)
          (i32.add (i32.mul (local.get $worker) (i32.const 16)) (i32.mul (local.get $i) (i32.const 4))))
        (local.get $seen))
      (i32.atomic.store (global.get $COUNTER) (i32.add (local.get $seen) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $rounds (i32.lt_u (local.get $i) (global.get $ROUNDS))))
    (drop (i32.atomic.rmw.add (global.get $DONE) (i32.const 1)))
    (drop (memory.atomic.notify (global.get $DONE) (i32.const 1))))

  (func (export "_start")
    (local $w i32)
    (local $i i32)
    (local $done i32)
    (local $counter i32)
    (drop (call $thread_spawn (i32.const 1)))
    (drop (call $thread_spawn (i32.const 2)))
    ;; Join: wait until both workers have counted themselves done.
    (block $joined
      (loop $wait
        (local.set $done (i32.atomic.load (global.get $DONE)))
        (br_if $joined (i32.eq (local.get $done) (global.get $WORKERS)))
        (drop (memory.atomic.wait32 (global.get $DONE) (local.get $done) (i64.const -1)))
        (br $wait)))
    (local.set $w (i32.const 1))
    (loop $workers
      (call $write (i32.const 1024) (i32.const 7))
      (call $write_num (local.get $w))
      (call $write (i32.const 1040) (i32.const 6))
      (local.set $i (i32.const 0))
      (loop $reads
        (call $write_char (i32.const 32))
        (call $write_num
          (i32.load
            (i32.add (global.get $LOGS)
              (i32.add (i32.mul (local.get $w) (i32.const 16)) (i32.mul (local.get $i) (i32.const 4))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $reads (i32.lt_u (local.get $i) (global.get $ROUNDS))))
      (call $write_char (i32.const 10))
      (local.set $w (i32.add (local.get $w) (i32.const 1)))
      (br_if $workers (i32.le_u (local.get $w) (global.get $WORKERS))))
    (local.set $counter (i32.atomic.load (global.get $COUNTER)))
    (call $write (i32.const 1056) (i32.const 8))
    (call $write_num (local.get $counter))
    (if (i32.eq (local.get $counter) (i32.mul (global.get $WORKERS) (global.get $ROUNDS)))
      (then (call $write (i32.const 1072) (i32.const 18)))
      (else
        (call $write (i32.const 1096) (i32.const 15))
        (call $proc_exit (i32.const 1)))))
)
