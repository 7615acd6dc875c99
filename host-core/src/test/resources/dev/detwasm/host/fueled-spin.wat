;; A loop of test.turns() turns (0: about 2^32) as the fuel pass would rewrite it (the host
;; side's test: no pass needed). The function entry's block costs 2 steps and each turn 3;
;; both check the fuel and call detwasm.fuel_due with the function's index when it ran out.
;; At the end it prints the number of turns made.
(module
  (import "detwasm" "fuel_due" (func $fuel_due (param i32)))
  (import "test" "print" (func $print (param i32)))
  (import "test" "turns" (func $turns (result i32)))
  (global $fuel (export "__detwasm_fuel") (mut i64) (i64.const 0))
  (func $spin (export "_start")
    (local $i i32)
    (global.set $fuel (i64.sub (global.get $fuel) (i64.const 2)))
    (if (i64.lt_s (global.get $fuel) (i64.const 0)) (then (call $fuel_due (i32.const 2))))
    (loop $forever
      (global.set $fuel (i64.sub (global.get $fuel) (i64.const 3)))
      (if (i64.lt_s (global.get $fuel) (i64.const 0)) (then (call $fuel_due (i32.const 2))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $forever (i32.ne (local.get $i) (call $turns))))
    (call $print (local.get $i))))
