fn main() {
    convlab::components::mount();
}
