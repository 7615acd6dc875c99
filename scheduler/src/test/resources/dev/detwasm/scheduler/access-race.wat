;; Main and a worker each increment a plain counter at 0x10 (load, add, store), then main waits
;; for the worker (an atomic done flag at 0x20) and records the counter: 2, or 1 when a switch
;; between main's load and store loses the worker's update. Written as the shared-access pass
;; rewrites it (the host side's test): each plain access counts __detwasm_access down and calls
;; detwasm.access_due(address, info) at zero; info packs load/store, 4 bytes and the function.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "test" "record" (func $record (param i32)))
  (import "detwasm" "access_due" (func $access_due (param i64 i32)))
  (global $access (export "__detwasm_access") (mut i32) (i32.const 2147483647))

  ;; The pass's countdown before an access of function 1 (info: function << 8 | 2 << 1 | store).
  (func $point (param $address i64) (param $info i32)
    (global.set $access (i32.sub (global.get $access) (i32.const 1)))
    (if (i32.eqz (global.get $access))
      (then (call $access_due (local.get $address) (local.get $info)))))

  (func $increment (param $function i32)
    (local $seen i32)
    (call $point (i64.const 0x10) (i32.or (i32.shl (local.get $function) (i32.const 8)) (i32.const 4)))
    (local.set $seen (i32.load (i32.const 0x10)))
    (call $point (i64.const 0x10) (i32.or (i32.shl (local.get $function) (i32.const 8)) (i32.const 5)))
    (i32.store (i32.const 0x10) (i32.add (local.get $seen) (i32.const 1))))

  (func (export "_start")
    (local $done i32)
    (drop (call $spawn (i32.const 0)))
    (call $increment (i32.const 5))
    (block $joined
      (loop $wait
        (local.set $done (i32.atomic.load (i32.const 0x20)))
        (br_if $joined (local.get $done))
        (drop (memory.atomic.wait32 (i32.const 0x20) (i32.const 0) (i64.const -1)))
        (br $wait)))
    (call $record (i32.load (i32.const 0x10))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (call $increment (i32.const 6))
    (i32.atomic.store (i32.const 0x20) (i32.const 1))
    (drop (memory.atomic.notify (i32.const 0x20) (i32.const 1)))))
