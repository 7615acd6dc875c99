;; Two selects, a in 0..1 then b in 0..2; prints "ab". Every run reaches choice.c:10:3, runs
;; with a = 1 also reach choice.c:12:5, and a = 1, b = 2 exits with 3: six runs, one failing.
(module
  (import "wasi" "model_checker_select" (func $select (param i32) (result i32)))
  (import "wasi" "must_reach_underlying" (func $must_reach (param i32 i32 i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "/src/choice.c\00")

  (func (export "_start")
    (local $a i32)
    (local $b i32)
    (local.set $a (call $select (i32.const 2)))
    (local.set $b (call $select (i32.const 3)))
    (i32.store8 (i32.const 32) (i32.add (i32.const 48) (local.get $a)))
    (i32.store8 (i32.const 33) (i32.add (i32.const 48) (local.get $b)))
    (i32.store8 (i32.const 34) (i32.const 10))
    (i32.store (i32.const 16) (i32.const 32))
    (i32.store (i32.const 20) (i32.const 3))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
    (call $must_reach (i32.const 64) (i32.const 10) (i32.const 3))
    (if (i32.eq (local.get $a) (i32.const 1))
      (then (call $must_reach (i32.const 64) (i32.const 12) (i32.const 5))))
    (if (i32.and (i32.eq (local.get $a) (i32.const 1)) (i32.eq (local.get $b) (i32.const 2)))
      (then (call $exit (i32.const 3))))))
