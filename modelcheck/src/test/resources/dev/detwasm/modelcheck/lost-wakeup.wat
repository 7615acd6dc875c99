;; Main loads the done flag twice, once to check it and once as the value to wait on. If the
;; worker finishes between the two loads, main waits for a wake that has already happened: a
;; deadlock that fifo never meets and one preemption finds.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))

  (func (export "_start")
    (drop (call $spawn (i32.const 1)))
    (block $finished
      (loop $wait
        (br_if $finished (i32.eq (i32.atomic.load (i32.const 4)) (i32.const 1)))
        (drop (memory.atomic.wait32 (i32.const 4) (i32.atomic.load (i32.const 4))
          (i64.const -1)))
        (br $wait))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (i32.atomic.store (i32.const 4) (i32.const 1))
    (drop (memory.atomic.notify (i32.const 4) (i32.const 1)))))
