// Panic: the messages of common runtime errors, each recovered and printed.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			_, isRuntime := err.(runtime.Error)
			fmt.Printf("%s: %v\n", name, err)
			fmt.Println("  runtime.Error:", isRuntime, "prefixed:", strings.HasPrefix(err.Error(), "runtime error: "))
		} else {
			fmt.Printf("%s: %v (%T)\n", name, r, r)
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	arr := [4]int{}
	i, j, k := 5, 2, 1
	var m map[string]int
	var p *struct{ X int }
	var v interface{} = 3.5
	zero := 0
	str := "hey"
	try("index", func() { _ = s[i] })
	try("negative index", func() { _ = s[k-2] })
	try("array index", func() { _ = arr[i] })
	try("slice high", func() { _ = s[:i] })
	try("slice inverted", func() { _ = s[j:k] })
	try("slice3", func() { _ = s[0:1:i] })
	try("string index", func() { _ = str[i] })
	try("string slice", func() { _ = str[j:i] })
	try("nil map", func() { m["a"] = 1 })
	try("nil pointer", func() { p.X = 1 })
	try("divide", func() { _ = 1 / zero })
	try("modulo", func() { _ = 1 % zero })
	try("assertion", func() { _ = v.(string) })
	try("closed channel", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("make negative", func() { _ = make([]int, k-2) })
	try("custom", func() { panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner"))) })
}

// Output:
// index: runtime error: index out of range [5] with length 3
//   runtime.Error: true prefixed: true
// negative index: runtime error: index out of range [-1]
//   runtime.Error: true prefixed: true
// array index: runtime error: index out of range [5] with length 4
//   runtime.Error: true prefixed: true
// slice high: runtime error: slice bounds out of range [:5] with capacity 3
//   runtime.Error: true prefixed: true
// slice inverted: runtime error: slice bounds out of range [2:1]
//   runtime.Error: true prefixed: true
// slice3: runtime error: slice bounds out of range [::5] with capacity 3
//   runtime.Error: true prefixed: true
// string index: runtime error: index out of range [5] with length 3
//   runtime.Error: true prefixed: true
// string slice: runtime error: slice bounds out of range [:5] with length 3
//   runtime.Error: true prefixed: true
// nil map: assignment to entry in nil map
//   runtime.Error: true prefixed: false
// nil pointer: runtime error: invalid memory address or nil pointer dereference
//   runtime.Error: true prefixed: true
// divide: runtime error: integer divide by zero
//   runtime.Error: true prefixed: true
// modulo: runtime error: integer divide by zero
//   runtime.Error: true prefixed: true
// assertion: interface conversion: interface {} is float64, not string
//   runtime.Error: true prefixed: false
// closed channel: close of closed channel
//   runtime.Error: true prefixed: false
// make negative: runtime error: makeslice: len out of range
//   runtime.Error: true prefixed: true
// custom: wrapped: inner
//   runtime.Error: false prefixed: false
