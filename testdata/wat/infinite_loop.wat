;; A runaway guest: _start loops forever without a scheduling point. detwasm must end it only
;; through the step budget: `run --max-steps 1000` stops it at the first loop header past 1000
;; steps with exit 72 and one line naming thread 0 and the function (the entry block, `loop`,
;; costs 1 step and each turn, `br`, 1: the check after turn 1000 sees 1001), the same on both
;; engines and every run; under `check` it is a "step budget" failure whose reproduction command
;; names --max-steps; `check --time-limit 5s --max-steps none` cuts the one run off.
(module
  (func (export "_start")
    (loop $forever
      (br $forever))))
