;; Calls with no mount and no arguments, and the errno each gets: sched_yield, an unknown clock
;; (EINVAL 28), poll_oneoff with no subscription (EINVAL), an unknown fd (EBADF 8), no preopen at
;; fd 3, stdin at end of file, the sizes of argv and environ; and one large random_get, which
;; must be the same stream as small ones (a hash of its bytes, and the bytes at 65536).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_res_get" (func $clock_res_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (memory (export "memory") 3)

  ;; 0..15: iovec and nwritten; 16..23: a read iovec; 24, 28: results; 32: a time;
  ;; 64..95: digits; 1024..: NUL-terminated strings, 64 bytes apart; 4096..: buffers;
  ;; 65536..165535: the large random draw.
  (data (i32.const 1024) "\n\00")
  (data (i32.const 1088) ": errno \00")
  (data (i32.const 1152) "0123456789abcdef\00")
  (data (i32.const 1216) "sched_yield\00")
  (data (i32.const 1280) "clock_time_get(clock 99)\00")
  (data (i32.const 1344) "clock_res_get(clock 99)\00")
  (data (i32.const 1408) "poll_oneoff(no subscription)\00")
  (data (i32.const 1472) "fd_write(fd 99)\00")
  (data (i32.const 1536) "fd_read(stdin)\00")
  (data (i32.const 1600) ", bytes \00")
  (data (i32.const 1664) "fd_prestat_get(3)\00")
  (data (i32.const 1728) "args_sizes_get\00")
  (data (i32.const 1792) "environ_sizes_get\00")
  (data (i32.const 1856) ", count \00")
  (data (i32.const 1920) "random_get(100000)\00")
  (data (i32.const 1984) ", fnv-1a \00")
  (data (i32.const 2048) ", at 65536:\00")

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

  (func $result (param $label i32) (param $errno i32)
    (call $puts (local.get $label))
    (call $puts (i32.const 1088))
    (call $print_u64 (i64.extend_i32_u (local.get $errno))))

  (func $line (param $label i32) (param $errno i32)
    (call $result (local.get $label) (local.get $errno))
    (call $puts (i32.const 1024)))

  ;; Prints "LABEL: errno E, count N, bytes M" from the two results at 24 and 28.
  (func $sizes (param $label i32) (param $errno i32)
    (call $result (local.get $label) (local.get $errno))
    (call $puts (i32.const 1856))
    (call $print_u64 (i64.load32_u (i32.const 24)))
    (call $puts (i32.const 1600))
    (call $print_u64 (i64.load32_u (i32.const 28)))
    (call $puts (i32.const 1024)))

  (func $print_hex_digits (param $value i32) (param $digits i32)
    (local $i i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $digits)))
        (i32.store8 (i32.add (i32.const 64) (local.get $i))
          (i32.load8_u (i32.add (i32.const 1152)
            (i32.and (i32.shr_u (local.get $value)
                                (i32.mul (i32.sub (i32.sub (local.get $digits) (i32.const 1)) (local.get $i)) (i32.const 4)))
                     (i32.const 15)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $write (i32.const 64) (local.get $digits)))

  (func (export "_start")
    (local $hash i32) (local $i i32)
    (call $line (i32.const 1216) (call $sched_yield))
    (call $line (i32.const 1280) (call $clock_time_get (i32.const 99) (i64.const 1) (i32.const 32)))
    (call $line (i32.const 1344) (call $clock_res_get (i32.const 99) (i32.const 32)))
    (call $line (i32.const 1408) (call $poll_oneoff (i32.const 4096) (i32.const 8192) (i32.const 0) (i32.const 24)))
    (i32.store (i32.const 16) (i32.const 4096))
    (i32.store (i32.const 20) (i32.const 1))
    (call $line (i32.const 1472) (call $fd_write (i32.const 99) (i32.const 16) (i32.const 1) (i32.const 24)))
    (i32.store (i32.const 24) (i32.const 7))
    (call $result (i32.const 1536) (call $fd_read (i32.const 0) (i32.const 16) (i32.const 1) (i32.const 24)))
    (call $puts (i32.const 1600))
    (call $print_u64 (i64.load32_u (i32.const 24)))
    (call $puts (i32.const 1024))
    (call $line (i32.const 1664) (call $fd_prestat_get (i32.const 3) (i32.const 4096)))
    (call $sizes (i32.const 1728) (call $args_sizes_get (i32.const 24) (i32.const 28)))
    (call $sizes (i32.const 1792) (call $environ_sizes_get (i32.const 24) (i32.const 28)))

    (call $result (i32.const 1920) (call $random_get (i32.const 65536) (i32.const 100000)))
    (local.set $hash (i32.const 0x811c9dc5))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (i32.const 100000)))
        (local.set $hash
          (i32.mul (i32.xor (local.get $hash) (i32.load8_u (i32.add (i32.const 65536) (local.get $i))))
                   (i32.const 0x01000193)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $puts (i32.const 1984))
    (call $print_hex_digits (local.get $hash) (i32.const 8))
    (call $puts (i32.const 2048))
    (local.set $i (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (i32.const 4)))
        (i32.store8 (i32.const 64) (i32.const 32))
        (call $write (i32.const 64) (i32.const 1))
        (call $print_hex_digits (i32.load8_u (i32.add (i32.const 131072) (local.get $i))) (i32.const 2))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $puts (i32.const 1024)))
)
