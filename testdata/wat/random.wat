;; Seeded randomness: random_get is a pure function of --seed. Prints two 16-byte draws in hex;
;; the same seed prints the same bytes, another seed others. A zero-length draw succeeds.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; 0..15: iovec and nwritten; 64..95: digits; 1024..: NUL-terminated strings, 64 bytes apart;
  ;; 4096..: the random bytes.
  (data (i32.const 1024) "0123456789abcdef\00")
  (data (i32.const 1088) "random_get(16): errno \00")
  (data (i32.const 1152) "\n\00")
  (data (i32.const 1216) ", bytes\00")
  (data (i32.const 1280) "random_get(0): errno \00")

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

  (func $print_hex (param $ptr i32) (param $len i32)
    (local $i i32) (local $b i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (i32.store8 (i32.const 64) (i32.const 32))
        (i32.store8 (i32.const 65) (i32.load8_u (i32.add (i32.const 1024) (i32.shr_u (local.get $b) (i32.const 4)))))
        (i32.store8 (i32.const 66) (i32.load8_u (i32.add (i32.const 1024) (i32.and (local.get $b) (i32.const 15)))))
        (call $write (i32.const 64) (i32.const 3))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each))))

  (func $draw (param $at i32)
    (call $puts (i32.const 1088))
    (call $print_u64 (i64.extend_i32_u (call $random_get (local.get $at) (i32.const 16))))
    (call $puts (i32.const 1216))
    (call $print_hex (local.get $at) (i32.const 16))
    (call $puts (i32.const 1152)))

  (func (export "_start")
    (call $draw (i32.const 4096))
    (call $draw (i32.const 4112))
    (call $puts (i32.const 1280))
    (call $print_u64 (i64.extend_i32_u (call $random_get (i32.const 4128) (i32.const 0))))
    (call $puts (i32.const 1152)))
)
