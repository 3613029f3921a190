package main

func main() {
	x := 1
	y, z := 2, 3
	_ = y
}
// Errors:
// main.go:4:2: declared and not used: x
// main.go:5:5: declared and not used: z
