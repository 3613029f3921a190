package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Println("g", i)
			runtime.Gosched()
		}
		done <- true
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("main", i)
		runtime.Gosched()
	}
	<-done
	fmt.Println(runtime.NumGoroutine(), runtime.NumCPU() > 0)
	defer fmt.Println("bye")
	go func() {
		defer fmt.Println("exiting goroutine")
		runtime.Goexit()
	}()
}
