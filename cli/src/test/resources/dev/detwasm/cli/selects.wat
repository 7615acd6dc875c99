;; Five selects of two options; prints how many chose 1 ("n=3"), exits 1 when four did and 2
;; when all five did: 32 runs, 6 outcomes, 2 failures.
(module
  (import "wasi" "model_checker_select" (func $select (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "n=0\n")
  (func (export "_start")
    (local $n i32)
    (local.set $n (i32.add (i32.add (i32.add (i32.add
      (call $select (i32.const 2)) (call $select (i32.const 2)))
      (call $select (i32.const 2))) (call $select (i32.const 2))) (call $select (i32.const 2))))
    (i32.store8 (i32.const 18) (i32.add (i32.const 48) (local.get $n)))
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 4))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (if (i32.eq (local.get $n) (i32.const 4)) (then (call $exit (i32.const 1))))
    (if (i32.eq (local.get $n) (i32.const 5)) (then (call $exit (i32.const 2))))))
