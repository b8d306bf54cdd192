# Shell functions for running KidCoder inside a Debian folder of another architecture (sourced by
# tools/i686/run_tests.sh and tools/armhf/run_in_qemu.sh).

_mounted=()

chroot_unmount() {
    local i
    for (( i=${#_mounted[@]}-1; i>=0; i-- )); do umount -l "${_mounted[$i]}" 2>/dev/null || true; done
    _mounted=()
}

_mount_in() {   # _mount_in TYPE-or---bind SOURCE TARGET
    mkdir -p "$3"
    if [ "$1" = "--bind" ]; then mount --bind "$2" "$3"; else mount -t "$1" "$2" "$3"; fi
    _mounted+=("$3")
}

chroot_mount() {   # chroot_mount ROOT: what Python, pygame and the game runner need; undone on exit
    trap chroot_unmount EXIT
    _mount_in proc proc "$1/proc"
    _mount_in --bind /sys "$1/sys"
    _mount_in --bind /dev "$1/dev"
    _mount_in tmpfs shm "$1/dev/shm"            # the game's frames travel through shared memory
    _mount_in devpts devpts "$1/dev/pts"
    cp /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
    # the same certificate authorities as this machine, for pip (some networks put their own in the way)
    cp /etc/ssl/certs/ca-certificates.crt "$1/etc/ssl/certs/host-ca-certificates.crt" 2>/dev/null || true
}

copy_checkout() {   # copy_checkout REPO DEST: the files git knows (committed or not), nothing ignored
    rm -rf "$2"
    mkdir -p "$2"
    (cd "$1" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$2"
}

in_root() {   # in_root ROOT PERSONALITY COMMAND...: a clean environment with SDL's dummy drivers
    # PERSONALITY i686: a 32-bit userland on an x86-64 kernel still hears "x86_64" from uname (and so
    # from platform.machine() and pip's markers) unless it runs with the 32-bit personality.
    # "-" for none (qemu-user already says armv7l).
    local root="$1" personality="$2" setarch=()
    shift 2
    [ "$personality" = "-" ] || setarch=(setarch "$personality")
    "${setarch[@]}" chroot "$root" /usr/bin/env -i ${QEMU_CPU:+QEMU_CPU="$QEMU_CPU"} \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 PIP_CERT=/etc/ssl/certs/host-ca-certificates.crt SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1 "$@"
}
