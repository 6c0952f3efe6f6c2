#!/bin/sh
# Regenerates the compiler-output fixtures of tst_diagnosticparser from small broken programs.
#
# Needs go (1.19), g++ (12) and clang++ (14). Every program is built in a fresh temporary
# directory; its path is replaced by /tmp/racegrade-job, and the names of the linker's temporary
# object files by fixed ones, so that the fixtures do not change from run to run.
# The expected values in tst_diagnosticparser.cpp were written against these versions: after
# regenerating with other versions, review the diff before updating the test.
set -u
out=$(cd "$(dirname "$0")" && pwd)

normalise() {
    sed -e "s|$work|/tmp/racegrade-job|g" \
        -e 's|/tmp/cc[A-Za-z0-9]\{6\}\.o|/tmp/ccXXXXXX.o|g' \
        -e 's|/tmp/\([a-z]*\)-[0-9a-f]\{6\}\.o|/tmp/\1-XXXXXX.o|g'
}

# fresh: makes a new work directory with a Go module in it.
fresh() {
    work=$(mktemp -d /tmp/racegrade-XXXXXX)
    printf 'module racegrade/submission\n\ngo 1.19\n' >"$work/go.mod"
}

# capture NAME COMMAND...: runs COMMAND in the work directory and stores its output.
capture() {
    name=$1
    shift
    (cd "$work" && "$@" 2>&1) | normalise >"$out/$name"
    rm -rf "$work"
}

gocache=$(mktemp -d /tmp/racegrade-gocache-XXXXXX)
trap 'rm -rf "$gocache"' EXIT
export GOPROXY=off GOFLAGS= GOCACHE="$gocache"

fresh
cat >"$work/main.go" <<'EOF'
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	count := 0
	fmt.Println("done")
}
EOF
capture go_unused.txt go build -race -o bin .

fresh
cat >"$work/main.go" <<'EOF'
package main

import "fmt"

func main() {
	total := 0
	for i := 0; i < 10; i++ {
		total += i
	}
	fmt.Println(totl)
	wg.Wait()
}
EOF
capture go_undefined.txt go build -o bin .

fresh
cat >"$work/main.go" <<'EOF'
package main

import "fmt"

func add(a, b int) int {
	return a + b
}

func main() {
	var n int = "three"
	fmt.Println(add(1))
	var s string = add(1, 2)
	fmt.Println(n, s)
}
EOF
capture go_mismatch.txt go build -o bin .

fresh
cat >"$work/main.go" <<'EOF'
import "fmt"

func main() {
	fmt.Println("hi")
}
EOF
capture go_nopackage.txt go build -o bin .

fresh
: >"$work/main.go"
capture go_empty.txt go build -o bin .

fresh
cat >"$work/main.go" <<'EOF'
package counter

func Count(n int) int {
	return n
}
EOF
cat >"$work/harness_test.go" <<'EOF'
package main

import "testing"

func TestCount(t *testing.T) {}
EOF
capture go_wrongpackage.txt go test -race -c -o bin.test .

fresh
cat >"$work/main.go" <<'EOF'
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func show(c Counter) {
	fmt.Println(c.n)
}

func main() {
	var c Counter
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	show(c)
	d := c
	fmt.Println(d)
}
EOF
capture go_vet_copylocks.txt go vet .

fresh
cat >"$work/main.go" <<'EOF'
package main

import "fmt"

func main() {
	fmt.Println(missing)
}
EOF
capture go_vet_typeerror.txt go vet .

fresh
cat >"$work/main.go" <<'EOF'
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	x := 3
	x = x
	fmt.Printf("%d items\n", "three")
	fmt.Println("value: %d", x)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(i)
		}()
	}
	wg.Wait()
	return
	fmt.Println("unreachable")
}
EOF
capture go_vet_analyzers.txt go vet .

fresh
cat >"$work/main.go" <<'EOF'
package main

import "fmt"

type Runner interface {
	Run()
}

type job struct{}

func (j *job) run() {}

func main() {
	x := 1
	var x = 2
	var r Runner = job{}
	fmt.Println(x, r)
}
EOF
capture go_redeclared.txt go build -o bin .

fresh
cat >"$work/main.go" <<'EOF'
package main

func helper() {}
EOF
capture go_nomain.txt go build -race -o bin .

fresh
cat >"$work/main.go" <<'EOF'
package main

import (
	"fmt"
	"foo"
	"github.com/nobody/nothing"
)

func main() {
	fmt.Println(foo.Bar, nothing.X)
}
EOF
capture go_badimport.txt go build -o bin .

fresh
{
    printf 'package main\n\nfunc main() {\n'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
        printf '\ta%s := undefined%s\n' "$i" "$i"
    done
    printf '}\n'
} >"$work/main.go"
capture go_toomany.txt go build -o bin .

fresh
cat >"$work/main.go" <<'EOF'
package main

func main() {}
EOF
cat >"$work/main_test.go" <<'EOF'
package main

import "testing"

func TestCount(t *testing.T) {
	n := 0
	t.Log(m)
}
EOF
capture go_test_compile.txt go test -race -c -o bin.test .

fresh
cat >"$work/main.go" <<'EOF'
package main

func main() {}
EOF
cat >"$work/main_test.go" <<'EOF'
package main

import "testing"

func TestCount(t *testing.T) {
	n := 3
	t.Logf("count %d", "three")
	t.Log(n)
}
EOF
capture go_test_vet.txt go test -race .

fresh
cat >"$work/main.go" <<'EOF'
package main

func main() {}
EOF
printf '\nrequre example.com/lock v1.0.0\n' >>"$work/go.mod"
capture go_badgomod.txt go build -o bin .

fresh
rm "$work/go.mod"
cat >"$work/main.go" <<'EOF'
package main

func main() {}
EOF
capture go_nomodule.txt go build -o bin .

# C++: the same program is usually built with both compilers.
cxx() {
    fresh
    rm "$work/go.mod"
    cat >"$work/main.cpp"
}

cpp_unused() {
    cxx <<'EOF'
#include <thread>

int main()
{
    int count = 0;
    int unused = 42;
    std::thread t([&] { count++; });
    t.join();
    return 0;
}
EOF
}
cpp_unused && capture gcc_unused.txt g++ -std=c++20 -Wall -pthread -c main.cpp
cpp_unused && capture clang_unused.txt clang++ -std=c++20 -Wall -pthread -c main.cpp
cpp_unused && capture gcc_werror.txt g++ -std=c++20 -Wall -Werror -pthread -c main.cpp

cpp_missinginclude() {
    cxx <<'EOF'
#include <thread>
#include "counter.h"

int main()
{
    Counter c;
    return c.value();
}
EOF
}
cpp_missinginclude && capture gcc_missinginclude.txt g++ -std=c++20 -c main.cpp
cpp_missinginclude && capture clang_missinginclude.txt clang++ -std=c++20 -c main.cpp

cpp_semicolon() {
    cxx <<'EOF'
#include <mutex>

std::mutex m;
int counter = 0

void increment()
{
    std::lock_guard<std::mutex> lock(m)
    ++counter;
}

int main()
{
    increment();
    return counter;
}
EOF
}
cpp_semicolon && LC_ALL=C capture gcc_semicolon_nocolumn.txt g++ -std=c++20 -fno-show-column -c main.cpp
cpp_semicolon && capture clang_semicolon.txt clang++ -std=c++20 -c main.cpp

cpp_undeclared() {
    cxx <<'EOF'
#include <iostream>
#include <thread>

int main()
{
    int total = 0;
    std::thread worker([&] { total += 1; });
    worker.join();
    cout << total << '\n';
    return totl;
}
EOF
}
cpp_undeclared && capture gcc_undeclared.txt g++ -std=c++20 -pthread -c main.cpp
cpp_undeclared && capture clang_undeclared.txt clang++ -std=c++20 -pthread -c main.cpp

cpp_template() {
    cxx <<'EOF'
#include <mutex>

struct Account
{
    int balance = 0;
};

template <typename T>
T twice(T value)
{
    return value * 2;
}

int main()
{
    std::mutex m;
    std::lock_guard<std::mutex> guard(m, 1, 2);
    Account a;
    twice(a);
    return 0;
}
EOF
}
cpp_template && capture gcc_template.txt g++ -std=c++20 -c main.cpp
cpp_template && capture clang_template.txt clang++ -std=c++20 -c main.cpp

cpp_header() {
    cxx <<'EOF'
#include "counter.h"

int main()
{
    Counter c;
    c.bump();
    return c.get();
}
EOF
    cat >"$work/counter.h" <<'EOF'
#pragma once
#include "detail.h"

struct Counter
{
    int n = 0;
    void bump() { n += undefined_step; }
    int get() const { return n; }
};
EOF
    cat >"$work/detail.h" <<'EOF'
#pragma once

inline int detail_value()
{
    return "text";
}
EOF
}
cpp_header && capture gcc_header.txt g++ -std=c++20 -c main.cpp
cpp_header && capture clang_header.txt clang++ -std=c++20 -c main.cpp

cpp_linker() {
    cxx <<'EOF'
#include <thread>

int work(int rounds);
void report(int total);

static void run()
{
    report(work(10));
}

int main()
{
    std::thread t(run);
    t.join();
    return 0;
}
EOF
}
cpp_linker && capture gcc_linker.txt g++ -std=c++20 -pthread main.cpp -o main
cpp_linker && capture clang_linker.txt clang++ -std=c++20 -pthread main.cpp -o main
cpp_linker && capture gcc_linker_debug.txt g++ -std=c++20 -g -pthread "$work/main.cpp" -o main

cxx <<'EOF'
int shared = 1;

int main()
{
    return shared;
}
EOF
printf 'int shared = 2;\n' >"$work/other.cpp"
capture gcc_multipledefinition.txt g++ -std=c++20 main.cpp other.cpp -o main

cxx </dev/null
capture gcc_missinglibrary.txt g++ -std=c++20 main.cpp -lracegrade_nosuchlib -o main
cxx </dev/null
capture gcc_nosource.txt g++ -std=c++20 -c nosuch.cpp
cxx </dev/null
capture clang_nosource.txt clang++ -std=c++20 -c nosuch.cpp
