package main

var a [1 << 26]int

func main() {
	a[5] = 1
	println(a[5])
}
