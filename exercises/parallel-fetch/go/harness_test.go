// Hidden test harness for the parallel-fetch exercise.
//
// The grader copies the student's file next to this one as main.go, builds
// with `go test -race -c -o harness` and runs
// `./harness -test.run '^TestRaceGradeHarness$'`. For each test it prints one
// line "@@racegrade <key> <test-id> pass|fail <detail>", where <key> is the
// grading's own verdict key, set at link time (-ldflags -X).
//
// Everything declared here starts with "racegrade" so that it cannot clash
// with the names in the student's file; the only student name used is
// ParallelFetch.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	// One call with a few URLs checks that no goroutine outlives the call.
	racegradeWaitURLs = 12
	// How long goroutines may take to disappear after ParallelFetch returned.
	racegradeSettleTime = 50 * time.Millisecond
	// One-URL calls measure how long a single fetch takes.
	racegradeProbes = 4
	// One big call checks the answers and the speed.
	racegradeManyURLs = 30
	// The big call passes the speed test when it takes less than
	// max(racegradeSpeedFactor * slowest one-URL call, slowest + racegradeSpeedSlack),
	// which is 1 to 1.3 s. Run at the same time, 30 fetches of 0-200 ms take
	// about 200 ms plus the cost of starting 30 goroutines (30 threads under
	// ThreadSanitizer in C++: 40 ms on an idle machine, several times that on
	// two busy cores). Run one after another they take about 3 s (30 x 100 ms
	// on average, standard deviation 0.3 s). The limit sits far from both.
	racegradeSpeedFactor = 4
	racegradeSpeedSlack  = time.Second
)

var racegradeTestIDs = []string{"one-per-url", "real-results-and-errors", "concurrent", "waits-for-all"}

// racegradeCall is one timed call of ParallelFetch.
type racegradeCall struct {
	urls     int
	results  []string
	errs     []error
	elapsed  time.Duration
	endedAt  time.Time // when ParallelFetch returned
	returned bool
	problem  string // why the call did not return normally
}

func (c racegradeCall) answers() int { return len(c.results) + len(c.errs) }

// racegradeVerdicts collects one verdict per test, in a fixed order.
type racegradeVerdicts struct {
	decided map[string]bool
	passed  map[string]bool
	detail  map[string]string
}

func (v *racegradeVerdicts) decide(test string, passed bool, detail string) {
	v.decided[test], v.passed[test], v.detail[test] = true, passed, detail
}

// abort fails every test that has no verdict yet, with the same reason.
func (v *racegradeVerdicts) abort(reason string) {
	for _, test := range racegradeTestIDs {
		if !v.decided[test] {
			v.decide(test, false, reason)
		}
	}
}

func TestRaceGradeHarness(t *testing.T) {
	v := &racegradeVerdicts{decided: map[string]bool{}, passed: map[string]bool{}, detail: map[string]string{}}
	racegradeRunTests(v)
	v.abort("not checked") // never expected: every path decides every test
	for _, test := range racegradeTestIDs {
		racegradeVerdict(test, v.passed[test], v.detail[test])
		if !v.passed[test] {
			t.Fail()
		}
	}
}

func racegradeRunTests(v *racegradeVerdicts) {
	// waits-for-all: count goroutines before and after one call.
	baseline := runtime.NumGoroutine()
	small := racegradeFetch("small", racegradeWaitURLs)
	if !small.returned {
		v.abort(small.problem)
		return
	}
	passed, detail := racegradeCheckWaited(baseline, small)
	v.decide("waits-for-all", passed, detail)
	calls := []racegradeCall{small}

	// The slowest of a few one-URL calls estimates one fetch's time.
	var slowest time.Duration
	for i := 0; i < racegradeProbes; i++ {
		probe := racegradeFetch(fmt.Sprintf("single-%d", i+1), 1)
		if !probe.returned {
			v.abort(probe.problem)
			return
		}
		calls = append(calls, probe)
		if probe.elapsed > slowest {
			slowest = probe.elapsed
		}
	}

	many := racegradeFetch("many", racegradeManyURLs)
	if !many.returned {
		v.abort(many.problem)
		return
	}
	calls = append(calls, many)

	passed, detail = racegradeCheckCounts(calls)
	v.decide("one-per-url", passed, detail)
	passed, detail = racegradeCheckContents(calls)
	v.decide("real-results-and-errors", passed, detail)
	passed, detail = racegradeCheckSpeed(slowest, many)
	v.decide("concurrent", passed, detail)
}

// racegradeFetch calls ParallelFetch with n made-up URLs on another goroutine,
// so that a call that never returns can be given up on.
func racegradeFetch(tag string, n int) racegradeCall {
	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://racegrade.test/%s/%d", tag, i+1)
	}
	// A call where every fetch runs one after another takes about n*100 ms
	// (n*200 ms at worst); this limit is well beyond that.
	limit := 1500*time.Millisecond + time.Duration(n)*120*time.Millisecond

	done := make(chan racegradeCall, 1)
	go func() {
		call := racegradeCall{urls: n}
		defer func() {
			if p := recover(); p != nil {
				call.returned, call.problem = false, fmt.Sprintf("ParallelFetch panicked: %v", p)
			}
			done <- call
		}()
		start := time.Now()
		call.results, call.errs = ParallelFetch(urls)
		call.endedAt = time.Now()
		call.elapsed = call.endedAt.Sub(start)
		call.returned = true
	}()
	select {
	case call := <-done:
		return call
	case <-time.After(limit):
		return racegradeCall{urls: n, problem: fmt.Sprintf(
			"ParallelFetch did not return within %.1f s for %d URLs, although one fetch takes at most "+
				"0.2 s: does every goroutine call wg.Done(), also when its fetch fails?", limit.Seconds(), n)}
	}
}

func racegradeCheckWaited(baseline int, call racegradeCall) (bool, string) {
	// The window starts when ParallelFetch returned, but leaves a few
	// milliseconds for the harness's own helper goroutine to go away.
	deadline := call.endedAt.Add(racegradeSettleTime)
	if minimum := time.Now().Add(10 * time.Millisecond); deadline.Before(minimum) {
		deadline = minimum
	}
	for {
		extra := runtime.NumGoroutine() - baseline
		if extra <= 0 {
			return true, fmt.Sprintf("no goroutine was left running after ParallelFetch returned for %d URLs",
				call.urls)
		}
		if time.Now().After(deadline) {
			return false, fmt.Sprintf("%d goroutine(s) were still running %d ms after ParallelFetch returned "+
				"for %d URLs: it must wait for every goroutine it started (wg.Wait()) before returning",
				extra, racegradeSettleTime.Milliseconds(), call.urls)
		}
		time.Sleep(time.Millisecond)
	}
}

func racegradeCheckCounts(calls []racegradeCall) (bool, string) {
	for _, c := range calls {
		if c.answers() != c.urls {
			return false, fmt.Sprintf("returned %d results and errors for %d URLs (%d results, %d errors); "+
				"every URL must give exactly one result or one error", c.answers(), c.urls, len(c.results), len(c.errs))
		}
	}
	last := calls[len(calls)-1]
	return true, fmt.Sprintf("every call returned one result or error per URL (%d URLs gave %d results and %d errors)",
		last.urls, len(last.results), len(last.errs))
}

func racegradeCheckContents(calls []racegradeCall) (bool, string) {
	urls, results, errs := 0, 0, 0
	for _, c := range calls {
		urls += c.urls
		results += len(c.results)
		errs += len(c.errs)
		for _, r := range c.results {
			if r == "" {
				return false, "a result was an empty string; a successful fetch must return its text"
			}
		}
		for _, err := range c.errs {
			if err == nil {
				return false, "the error slice held a nil error; only failed fetches belong there, with their error"
			}
			if err.Error() == "" {
				return false, "an error had an empty message; say which URL failed and why"
			}
		}
	}
	switch {
	case results == 0 && errs == 0:
		return false, fmt.Sprintf("ParallelFetch returned no results and no errors at all for %d URLs", urls)
	case errs == 0:
		return false, fmt.Sprintf("none of %d fetches failed; fetch must fail about one time in three "+
			"(rand.Intn(3) == 0) and the error must be returned", urls)
	case results == 0:
		return false, fmt.Sprintf("none of %d fetches succeeded; only about one in three should fail", urls)
	}
	return true, fmt.Sprintf("%d fetches gave %d non-empty results and %d errors with a message",
		urls, results, errs)
}

func racegradeCheckSpeed(slowest time.Duration, many racegradeCall) (bool, string) {
	if many.answers() != many.urls {
		return false, fmt.Sprintf("cannot judge the speed: the call for %d URLs returned after %s ms with "+
			"only %d answers", many.urls, racegradeMillis(many.elapsed), many.answers())
	}
	limit := racegradeSpeedFactor * slowest
	if alt := slowest + racegradeSpeedSlack; alt > limit {
		limit = alt
	}
	measured := fmt.Sprintf("%d URLs took %s ms; a single URL took at most %s ms (slowest of %d calls), "+
		"so the limit was %s ms", many.urls, racegradeMillis(many.elapsed), racegradeMillis(slowest),
		racegradeProbes, racegradeMillis(limit))
	if many.elapsed >= limit {
		return false, measured + ": the fetches seem to run one after another, not at the same time"
	}
	return true, measured + ": the fetches ran at the same time"
}

func racegradeMillis(d time.Duration) string { return racegradeNumber(int(d.Milliseconds())) }

// racegradeNumber writes n with thousands separators: 10000 -> "10,000".
func racegradeNumber(n int) string {
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return sign + b.String()
}

// racegradeVerdictKey is set by the grader when it links the harness. Every
// verdict line carries it, so that lines printed by anything else (a
// submission faking a pass) are not taken for results. The student's file
// cannot refer to it: its own build, without this file, would fail.
var racegradeVerdictKey string

// racegradeVerdict prints one protocol line; the detail is kept on one line.
func racegradeVerdict(test string, passed bool, detail string) {
	outcome := "fail"
	if passed {
		outcome = "pass"
	}
	detail = strings.Join(strings.Fields(detail), " ")
	fmt.Printf("@@racegrade %s %s %s %s\n", racegradeVerdictKey, test, outcome, detail)
}
