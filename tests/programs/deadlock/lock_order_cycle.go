// Deadlock: two goroutines take two mutexes in opposite orders. Channels force the bad
// interleaving: each holds its first lock before trying the second.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	aHeld := make(chan bool)
	bHeld := make(chan bool)
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		aHeld <- true
		<-bHeld
		fmt.Println("first wants b")
		b.Lock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		<-aHeld
		bHeld <- true
		fmt.Println("second wants a")
		a.Lock()
	}()
	wg.Wait()
}

// Run: procs=1
// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [semacquire]:
// main.main
// main.go:32
// [sync.Mutex.Lock]:
// main.main.func1
// main.go:22
// main.main.func2
// main.go:30
// created by main.main in goroutine 1
// Output:
// second wants a
// first wants b
