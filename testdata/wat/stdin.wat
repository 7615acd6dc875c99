;; Reads stdin with fd_read until it returns 0 bytes (end of file), echoes it, and reports how
;; many bytes came in how many non-empty reads.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; 0..15: iovec and nwritten; 16..23: the read iovec; 24: nread; 64..95: digits;
  ;; 1024..: NUL-terminated strings, 64 bytes apart; 4096..: the input.
  (data (i32.const 1024) "\n\00")
  (data (i32.const 1088) "--- end of input: \00")
  (data (i32.const 1152) " bytes, last errno \00")

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

  (func (export "_start")
    (local $total i32) (local $errno i32) (local $n i32)
    (block $eof
      (loop $more
        (i32.store (i32.const 16) (i32.add (i32.const 4096) (local.get $total)))
        (i32.store (i32.const 20) (i32.const 16))
        (local.set $errno (call $fd_read (i32.const 0) (i32.const 16) (i32.const 1) (i32.const 24)))
        (local.set $n (i32.load (i32.const 24)))
        (br_if $eof (local.get $errno))
        (br_if $eof (i32.eqz (local.get $n)))
        (local.set $total (i32.add (local.get $total) (local.get $n)))
        (br_if $more (i32.lt_u (local.get $total) (i32.const 60000)))))
    (call $write (i32.const 4096) (local.get $total))
    (call $puts (i32.const 1024))
    (call $puts (i32.const 1088))
    (call $print_u64 (i64.extend_i32_u (local.get $total)))
    (call $puts (i32.const 1152))
    (call $print_u64 (i64.extend_i32_u (local.get $errno)))
    (call $puts (i32.const 1024)))
)
