;; An endless loop written as the fuel pass rewrites one (so the host side is tested without
;; the pass): the entry block costs 1 step and each turn 2, each checked, with function index 0.
(module
  (import "detwasm" "fuel_due" (func $fuel_due (param i32)))
  (global $fuel (export "__detwasm_fuel") (mut i64) (i64.const 9223372036854775807))
  (func $spin (export "_start")
    (global.set $fuel (i64.sub (global.get $fuel) (i64.const 1)))
    (if (i64.lt_s (global.get $fuel) (i64.const 0)) (then (call $fuel_due (i32.const 0))))
    (loop $forever
      (global.set $fuel (i64.sub (global.get $fuel) (i64.const 2)))
      (if (i64.lt_s (global.get $fuel) (i64.const 0)) (then (call $fuel_due (i32.const 0))))
      (br $forever))))
