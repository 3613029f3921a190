// Fatal error: main calls runtime.Goexit. Its deferred calls run, the other goroutines keep
// going, and when the last one ends the runtime reports that no goroutines are left.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("worker finished")
	}()
	defer fmt.Println("main's deferred call runs")
	runtime.Goexit()
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr contains:
// fatal error: no goroutines (main called runtime.Goexit) - deadlock!
// Output:
// main's deferred call runs
// worker finished
