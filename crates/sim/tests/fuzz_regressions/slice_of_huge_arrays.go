package main

func main() {
	s := make([][1 << 20]int, 100)
	println(len(s))
}
