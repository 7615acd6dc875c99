/* Model checking: must_reach sites. A flaky operation (model_checker_select(2): 0 it works, 1 it
 * fails) is tried up to argv[1] times (3 in fixtures.txt). The tree has 4 runs: it works at the
 * first, second or third attempt, or all three fail and the program gives up (exit 0 all the
 * same). MUST_REACH() marks a site with must_reach_underlying(file, line, column):
 *   line 31, on success: reached in 3 runs
 *   line 35, giving up: reached only when every attempt fails, 1 run
 *   line 26, a fourth attempt: reached by no run with 3 attempts
 * fixtures.txt declares lines 35 and 26 with --must-reach: the check reports 35 reached and 26
 * not, and exits 73 for it. __FILE__ is "must_reach.c" (build.sh compiles in c/); clang gives
 * __builtin_COLUMN() in a macro the column of the invocation's closing parenthesis. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((import_module("wasi"), import_name("model_checker_select")))
unsigned model_checker_select(unsigned n);

__attribute__((import_module("wasi"), import_name("must_reach_underlying")))
void must_reach_underlying(const char *file, int line, int column);

#define MUST_REACH() must_reach_underlying(__FILE__, __LINE__, __builtin_COLUMN())

int main(int argc, char **argv) {
    int attempts = argc > 1 ? atoi(argv[1]) : 3;
    for (int attempt = 1; attempt <= attempts; attempt++) {
        if (attempt == 4) {
            MUST_REACH();
        }
        int failed = model_checker_select(2) == 1;
        printf("attempt %d: %s\n", attempt, failed ? "failed" : "ok");
        if (!failed) {
            MUST_REACH();
            return 0;
        }
    }
    MUST_REACH();
    printf("gave up after %d attempts\n", attempts);
    return 0;
}
