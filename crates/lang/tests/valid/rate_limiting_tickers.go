package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(200 * time.Millisecond)
	for req := range requests {
		<-limiter
		fmt.Println("request", req, time.Now().UnixNano() > 0)
	}
	ticker := time.NewTicker(500 * time.Millisecond)
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-stop:
				return
			case t := <-ticker.C:
				fmt.Println("Tick at", t)
			}
		}
	}()
	time.Sleep(1600 * time.Millisecond)
	ticker.Stop()
	stop <- true
	start := time.Now()
	timer := time.AfterFunc(time.Second, func() { fmt.Println("fired") })
	if timer.Stop() {
		fmt.Println("stopped", time.Since(start))
	}
}
