;; The virtual clock: clock_time_get on the realtime and monotonic clocks starts at
;; 2024-01-01T00:00:00Z = 1704067200000000000 ns; poll_oneoff with clock subscriptions (relative
;; and absolute) moves both clocks to the deadline exactly, without real waiting.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_res_get" (func $clock_res_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; 0..15: iovec and nwritten; 24: nevents; 32: a time; 40: a resolution; 64..95: digits;
  ;; 1024..: NUL-terminated strings, 64 bytes apart; 2048..: subscriptions (48 bytes each);
  ;; 3072..: events (32 bytes each).
  (data (i32.const 1024) "realtime  = \00")
  (data (i32.const 1088) "monotonic = \00")
  (data (i32.const 1152) "\n\00")
  (data (i32.const 1216) "clock_res_get(realtime): errno \00")
  (data (i32.const 1280) ", positive: \00")
  (data (i32.const 1344) "poll_oneoff(\00")
  (data (i32.const 1408) "): errno \00")
  (data (i32.const 1472) ", nevents \00")
  (data (i32.const 1536) ", userdata \00")
  (data (i32.const 1600) ", error \00")
  (data (i32.const 1664) ", type \00")
  (data (i32.const 1728) "sleep 3600 s\00")
  (data (i32.const 1792) "until 02:00 realtime, absolute\00")
  (data (i32.const 1856) "10 s or 5 s\00")
  (data (i32.const 1920) "0 s\00")
  (data (i32.const 1984) "yes\00")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $strlen (param $s i32) (result i32)
    (local $p i32)
    (local.set $p (local.get $s))
    (block $end
      (loop $scan
        (br_if $end (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $scan)))
    (i32.sub (local.get $p) (local.get $s)))

  (func $puts (param $s i32)
    (call $write (local.get $s) (call $strlen (local.get $s))))

  (func $print_u64 (param $n i64)
    (local $p i32)
    (local.set $p (i32.const 96))
    (loop $digits
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i64.store8 (local.get $p) (i64.add (i64.const 48) (i64.rem_u (local.get $n) (i64.const 10))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $digits (i64.ne (local.get $n) (i64.const 0))))
    (call $write (local.get $p) (i32.sub (i32.const 96) (local.get $p))))

  (func $show_clocks
    (drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 32)))
    (call $puts (i32.const 1024))
    (call $print_u64 (i64.load (i32.const 32)))
    (call $puts (i32.const 1152))
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 32)))
    (call $puts (i32.const 1088))
    (call $print_u64 (i64.load (i32.const 32)))
    (call $puts (i32.const 1152)))

  ;; Fills subscription $index as a clock subscription.
  (func $subscribe (param $index i32) (param $userdata i64) (param $clock i32) (param $timeout i64) (param $flags i32)
    (local $s i32)
    (local.set $s (i32.add (i32.const 2048) (i32.mul (local.get $index) (i32.const 48))))
    (memory.fill (local.get $s) (i32.const 0) (i32.const 48))
    (i64.store (local.get $s) (local.get $userdata))
    (i32.store8 offset=8 (local.get $s) (i32.const 0))
    (i32.store offset=16 (local.get $s) (local.get $clock))
    (i64.store offset=24 (local.get $s) (local.get $timeout))
    (i64.store offset=32 (local.get $s) (i64.const 0))
    (i32.store16 offset=40 (local.get $s) (local.get $flags)))

  ;; Polls the first $n subscriptions and prints the result and the first event.
  (func $poll (param $label i32) (param $n i32)
    (local $errno i32)
    (memory.fill (i32.const 3072) (i32.const 255) (i32.const 64))
    (local.set $errno (call $poll_oneoff (i32.const 2048) (i32.const 3072) (local.get $n) (i32.const 24)))
    (call $puts (i32.const 1344))
    (call $puts (local.get $label))
    (call $puts (i32.const 1408))
    (call $print_u64 (i64.extend_i32_u (local.get $errno)))
    (call $puts (i32.const 1472))
    (call $print_u64 (i64.extend_i32_u (i32.load (i32.const 24))))
    (call $puts (i32.const 1536))
    (call $print_u64 (i64.load (i32.const 3072)))
    (call $puts (i32.const 1600))
    (call $print_u64 (i64.extend_i32_u (i32.load16_u (i32.const 3080))))
    (call $puts (i32.const 1664))
    (call $print_u64 (i64.extend_i32_u (i32.load8_u (i32.const 3082))))
    (call $puts (i32.const 1152)))

  (func (export "_start")
    (call $show_clocks)

    (call $puts (i32.const 1216))
    (call $print_u64 (i64.extend_i32_u (call $clock_res_get (i32.const 0) (i32.const 40))))
    (call $puts (i32.const 1280))
    (if (i64.gt_u (i64.load (i32.const 40)) (i64.const 0))
      (then (call $puts (i32.const 1984))))
    (call $puts (i32.const 1152))

    ;; 3600 s on the monotonic clock, relative.
    (call $subscribe (i32.const 0) (i64.const 7) (i32.const 1) (i64.const 3600000000000) (i32.const 0))
    (call $poll (i32.const 1728) (i32.const 1))
    (call $show_clocks)

    ;; Until 2024-01-01T02:00:00Z on the realtime clock: flags = subscription_clock_abstime.
    (call $subscribe (i32.const 0) (i64.const 8) (i32.const 0) (i64.const 1704074400000000000) (i32.const 1))
    (call $poll (i32.const 1792) (i32.const 1))
    (call $show_clocks)

    ;; Two timeouts: only the earlier one (5 s, userdata 2) is ready when poll_oneoff returns.
    (call $subscribe (i32.const 0) (i64.const 1) (i32.const 1) (i64.const 10000000000) (i32.const 0))
    (call $subscribe (i32.const 1) (i64.const 2) (i32.const 1) (i64.const 5000000000) (i32.const 0))
    (call $poll (i32.const 1856) (i32.const 2))
    (call $show_clocks)

    ;; A zero timeout is ready at once and does not move the clock.
    (call $subscribe (i32.const 0) (i64.const 3) (i32.const 1) (i64.const 0) (i32.const 0))
    (call $poll (i32.const 1920) (i32.const 1))
    (call $show_clocks))
)
