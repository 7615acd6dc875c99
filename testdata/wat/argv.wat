;; Prints argc and every argument, read with args_sizes_get and args_get.
;; argv[0] is "/main.wasm" unless --argv0 says otherwise.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; 0..15: iovec and nwritten; 64..95: digits; 1024..: NUL-terminated strings, 64 bytes apart;
  ;; 4096..: argv pointers; 8192..: argv strings.
  (data (i32.const 1024) "argc=\00")
  (data (i32.const 1088) "argv[\00")
  (data (i32.const 1152) "]=\00")
  (data (i32.const 1216) "\n\00")

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
    (local $argc i32)
    (local $i i32)
    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (local.set $argc (i32.load (i32.const 16)))
    (drop (call $args_get (i32.const 4096) (i32.const 8192)))
    (call $puts (i32.const 1024))
    (call $print_u64 (i64.extend_i32_u (local.get $argc)))
    (call $puts (i32.const 1216))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $argc)))
        (call $puts (i32.const 1088))
        (call $print_u64 (i64.extend_i32_u (local.get $i)))
        (call $puts (i32.const 1152))
        (call $puts (i32.load (i32.add (i32.const 4096) (i32.shl (local.get $i) (i32.const 2)))))
        (call $puts (i32.const 1216))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each))))
)
