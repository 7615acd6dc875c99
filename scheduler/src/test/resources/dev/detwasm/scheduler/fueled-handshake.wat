;; Main spawns a thread and spins on a plain load of a flag that the thread sets with a plain
;; store; it records 1 once it sees the flag, the thread records 2 after setting it. Written as
;; the fuel pass would rewrite it (the host side's test): only a --preempt-every point lets the
;; thread run while main spins, and only a schedule that takes it.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "test" "record" (func $record (param i32)))
  (import "detwasm" "fuel_due" (func $fuel_due (param i32)))
  (global $fuel (export "__detwasm_fuel") (mut i64) (i64.const 0))

  (func (export "_start")
    (global.set $fuel (i64.sub (global.get $fuel) (i64.const 3)))
    (if (i64.lt_s (global.get $fuel) (i64.const 0)) (then (call $fuel_due (i32.const 0))))
    (drop (call $spawn (i32.const 0)))
    (loop $spin
      (global.set $fuel (i64.sub (global.get $fuel) (i64.const 4)))
      (if (i64.lt_s (global.get $fuel) (i64.const 0)) (then (call $fuel_due (i32.const 0))))
      (br_if $spin (i32.eqz (i32.load (i32.const 0)))))
    (call $record (i32.const 1)))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (global.set $fuel (i64.sub (global.get $fuel) (i64.const 5)))
    (if (i64.lt_s (global.get $fuel) (i64.const 0)) (then (call $fuel_due (i32.const 1))))
    (i32.store (i32.const 0) (i32.const 1))
    (call $record (i32.const 2))))
