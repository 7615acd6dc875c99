;; Calls the example plugin's env.host_log twice: once with a message, which the plugin writes to
;; stdout as "host_log: hello from the guest", and once with a pointer past the end of memory,
;; which the plugin's function table turns into EFAULT (21) without trapping. The program exits
;; with that second errno, so a run with the plugin prints one line and exits 21. Without the
;; plugin, env.host_log is an unknown import: a load error (exit 65).
(module
  (import "env" "host_log" (func $host_log (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory 1)
  (data (i32.const 16) "hello from the guest")
  (func (export "_start")
    (drop (call $host_log (i32.const 16) (i32.const 20)))
    (call $proc_exit (call $host_log (i32.const 65530) (i32.const 20)))))
