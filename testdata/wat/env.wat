;; Lists the environment with environ_sizes_get and environ_get (exactly the --env flags, in
;; order), then looks up a set and an unset variable by name.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; 0..15: iovec and nwritten; 64..95: digits; 1024..: NUL-terminated strings, 64 bytes apart;
  ;; 4096..: environ pointers; 8192..: environ strings.
  (data (i32.const 1024) "environ count=\00")
  (data (i32.const 1088) "  \00")
  (data (i32.const 1152) "\n\00")
  (data (i32.const 1216) "GREETING=\00")
  (data (i32.const 1280) "MISSING=\00")
  (data (i32.const 1344) " is set: \00")
  (data (i32.const 1408) " is unset\n\00")

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

  ;; The entry that starts with $prefix ("NAME="), or 0.
  (func $lookup (param $prefix i32) (param $count i32) (result i32)
    (local $i i32) (local $entry i32) (local $p i32)
    (block $not_found
      (loop $each
        (br_if $not_found (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $entry (i32.load (i32.add (i32.const 4096) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $p (i32.const 0))
        (block $mismatch
          (loop $compare
            (if (i32.eqz (i32.load8_u (i32.add (local.get $prefix) (local.get $p))))
              (then (return (local.get $entry))))
            (br_if $mismatch
              (i32.ne (i32.load8_u (i32.add (local.get $prefix) (local.get $p)))
                      (i32.load8_u (i32.add (local.get $entry) (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $compare)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (i32.const 0))

  ;; Prints "NAME is set: VALUE" or "NAME is unset" for the prefix "NAME=".
  (func $show (param $prefix i32) (param $count i32)
    (local $entry i32) (local $len i32)
    (local.set $entry (call $lookup (local.get $prefix) (local.get $count)))
    (local.set $len (call $strlen (local.get $prefix)))
    (call $write (local.get $prefix) (i32.sub (local.get $len) (i32.const 1)))
    (if (local.get $entry)
      (then
        (call $puts (i32.const 1344))
        (call $puts (i32.add (local.get $entry) (local.get $len)))
        (call $puts (i32.const 1152)))
      (else (call $puts (i32.const 1408)))))

  (func (export "_start")
    (local $count i32)
    (local $i i32)
    (drop (call $environ_sizes_get (i32.const 16) (i32.const 20)))
    (local.set $count (i32.load (i32.const 16)))
    (drop (call $environ_get (i32.const 4096) (i32.const 8192)))
    (call $puts (i32.const 1024))
    (call $print_u64 (i64.extend_i32_u (local.get $count)))
    (call $puts (i32.const 1152))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (call $puts (i32.const 1088))
        (call $puts (i32.load (i32.add (i32.const 4096) (i32.shl (local.get $i) (i32.const 2)))))
        (call $puts (i32.const 1152))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $show (i32.const 1216) (local.get $count))
    (call $show (i32.const 1280) (local.get $count)))
)
