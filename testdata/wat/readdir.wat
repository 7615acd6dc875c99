;; Lists a directory mounted at /data (fd 3) with fd_readdir: ".", "..", then the names in byte
;; order whatever order the host gave them in; a cookie resumes a listing; a small buffer is
;; filled to the last byte; created and deleted entries keep the order.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_unlink_file" (func $path_unlink_file (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; 0..15: iovec and nwritten; 24: bufused or fd; 32: the cookie after the 4th entry;
  ;; 64..95: digits; 160..183: fdstat; 1024..: NUL-terminated strings, 64 bytes apart;
  ;; 4096..8191: the dirent buffer.
  (data (i32.const 1024) "\n\00")
  (data (i32.const 1088) "fd_readdir(\00")
  (data (i32.const 1152) "): errno \00")
  (data (i32.const 1216) "  \00")
  (data (i32.const 1280) " (type \00")
  (data (i32.const 1344) ")\n\00")
  (data (i32.const 1408) "cookie 0\00")
  (data (i32.const 1472) "cookie after 9\00")
  (data (i32.const 1536) "30-byte buffer\00")
  (data (i32.const 1600) ", bufused \00")
  (data (i32.const 1664) "M\00")
  (data (i32.const 1728) "a\00")
  (data (i32.const 1792) "path_open(M, create): errno \00")
  (data (i32.const 1856) "path_unlink_file(a): errno \00")

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

  ;; Reads the directory from $cookie into a buffer of $size bytes and returns bufused.
  (func $readdir (param $label i32) (param $cookie i64) (param $size i32) (result i32)
    (call $puts (i32.const 1088))
    (call $puts (local.get $label))
    (call $puts (i32.const 1152))
    (call $print_u64 (i64.extend_i32_u
      (call $fd_readdir (i32.const 3) (i32.const 4096) (local.get $size) (local.get $cookie) (i32.const 24))))
    (i32.load (i32.const 24)))

  ;; Prints every complete entry of a listing that used $used bytes; remembers the cookie that
  ;; follows the 4th entry.
  (func $print_entries (param $used i32)
    (local $p i32) (local $end i32) (local $namlen i32) (local $index i32)
    (call $puts (i32.const 1024))
    (local.set $p (i32.const 4096))
    (local.set $end (i32.add (i32.const 4096) (local.get $used)))
    (block $done
      (loop $each
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 24)) (local.get $end)))
        (local.set $namlen (i32.load offset=16 (local.get $p)))
        (br_if $done (i32.gt_u (i32.add (i32.add (local.get $p) (i32.const 24)) (local.get $namlen)) (local.get $end)))
        (call $puts (i32.const 1216))
        (call $write (i32.add (local.get $p) (i32.const 24)) (local.get $namlen))
        (call $puts (i32.const 1280))
        (call $print_u64 (i64.load8_u offset=20 (local.get $p)))
        (call $puts (i32.const 1344))
        (if (i32.eq (local.get $index) (i32.const 3))
          (then (i64.store (i32.const 32) (i64.load (local.get $p)))))
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (local.set $p (i32.add (i32.add (local.get $p) (i32.const 24)) (local.get $namlen)))
        (br $each))))

  (func (export "_start")
    (local $used i32)
    (drop (call $fd_fdstat_get (i32.const 3) (i32.const 160)))
    (call $print_entries (call $readdir (i32.const 1408) (i64.const 0) (i32.const 4096)))
    (call $print_entries (call $readdir (i32.const 1472) (i64.load (i32.const 32)) (i32.const 4096)))
    (local.set $used (call $readdir (i32.const 1536) (i64.const 0) (i32.const 30)))
    (call $puts (i32.const 1600))
    (call $print_u64 (i64.extend_i32_u (local.get $used)))
    (call $puts (i32.const 1024))

    ;; oflags 5 = creat | excl, with the directory's inheriting rights
    (call $puts (i32.const 1792))
    (call $print_u64 (i64.extend_i32_u
      (call $path_open (i32.const 3) (i32.const 1) (i32.const 1664) (i32.const 1) (i32.const 5)
        (i64.load (i32.const 176)) (i64.load (i32.const 176)) (i32.const 0) (i32.const 24))))
    (call $puts (i32.const 1024))
    (drop (call $fd_close (i32.load (i32.const 24))))
    (call $puts (i32.const 1856))
    (call $print_u64 (i64.extend_i32_u (call $path_unlink_file (i32.const 3) (i32.const 1728) (i32.const 1))))
    (call $puts (i32.const 1024))
    (call $print_entries (call $readdir (i32.const 1408) (i64.const 0) (i32.const 4096))))
)
