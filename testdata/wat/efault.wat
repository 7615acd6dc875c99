;; Bad pointers passed to WASI: every call whose pointer or length reaches past the end of the
;; one-page memory (65536 bytes), or overflows 32 bits, gets errno 21 (EFAULT) and the program
;; keeps running.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; 0..15: iovec and nwritten; 16..23: a bad iovec; 24: nevents; 64..95: digits;
  ;; 1024..: NUL-terminated strings, 64 bytes apart.
  (data (i32.const 1024) ": errno \00")
  (data (i32.const 1088) "\n\00")
  (data (i32.const 1152) "fd_write, iovs at 65532\00")
  (data (i32.const 1216) "fd_write, buffer at 65530 of 100 bytes\00")
  (data (i32.const 1280) "fd_write, 0x20000000 iovecs\00")
  (data (i32.const 1344) "args_sizes_get, argc at 65535\00")
  (data (i32.const 1408) "random_get, 100 bytes at 65530\00")
  (data (i32.const 1472) "random_get, 0xffffffff bytes at 16\00")
  (data (i32.const 1536) "clock_time_get, time at 65532\00")
  (data (i32.const 1600) "poll_oneoff, subscription at 65520\00")
  (data (i32.const 1664) "still running\00")

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

  (func $report (param $label i32) (param $errno i32)
    (call $puts (local.get $label))
    (call $puts (i32.const 1024))
    (call $print_u64 (i64.extend_i32_u (local.get $errno)))
    (call $puts (i32.const 1088)))

  (func (export "_start")
    (call $report (i32.const 1152)
      (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 8)))
    (i32.store (i32.const 16) (i32.const 65530))
    (i32.store (i32.const 20) (i32.const 100))
    (call $report (i32.const 1216)
      (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 8)))
    (call $report (i32.const 1280)
      (call $fd_write (i32.const 1) (i32.const 16) (i32.const 0x20000000) (i32.const 8)))
    (call $report (i32.const 1344)
      (call $args_sizes_get (i32.const 65535) (i32.const 32)))
    (call $report (i32.const 1408)
      (call $random_get (i32.const 65530) (i32.const 100)))
    (call $report (i32.const 1472)
      (call $random_get (i32.const 16) (i32.const -1)))
    (call $report (i32.const 1536)
      (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 65532)))
    (call $report (i32.const 1600)
      (call $poll_oneoff (i32.const 65520) (i32.const 4096) (i32.const 1) (i32.const 24)))
    (call $puts (i32.const 1664))
    (call $puts (i32.const 1088)))
)
