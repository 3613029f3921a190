package main

var a [1 << 20]int

func main() {
	for i := 0; ; i++ {
		b := a
		b[0] = i
	}
}
