// Fatal error: two goroutines writing one map at the same time on two Ps. The runtime
// check needs a real overlap, so it is best-effort; with this many writes in parallel it
// fires every time in practice.
package main

import "fmt"

func main() {
	m := make(map[int]int)
	done := make(chan bool)
	for g := 0; g < 2; g++ {
		go func() {
			for i := 0; i < 10_000_000; i++ {
				m[i%1000] = i
			}
			done <- true
		}()
	}
	<-done
	<-done
	fmt.Println("no crash?")
}

// Run: procs=2
// Exit: 2
// Stderr contains:
// fatal error: concurrent map writes
// main.main.func1
// main.go:14
// created by main.main in goroutine 1
// [running]:
// Output:
