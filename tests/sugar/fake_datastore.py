"""A stand-in for sugar3.datastore.datastore, for tests (the real one needs a running Sugar session).

It keeps entries in memory, with the same calls KidCoder's Journal makes: get, create,
write(entry, transfer_ownership=...), and entries with metadata, file paths and destroy().
"""
import os
import shutil
import tempfile


class FakeEntry:
    def __init__(self, store, object_id=None, metadata=None):
        self._store = store
        self.object_id = object_id
        self.metadata = dict(metadata or {})
        self._file_path = None
        self.destroyed = False

    def get_metadata(self):
        return self.metadata

    def get_file_path(self):
        if self._file_path is None and self.object_id is not None:
            copy = tempfile.mkstemp(prefix="fake-ds-")[1]
            shutil.copy(self._store.files[self.object_id], copy)
            self._file_path = copy
        return self._file_path

    def set_file_path(self, path):
        self._file_path = path

    def destroy(self):
        self.destroyed = True


class FakeDatastore:
    def __init__(self, folder):
        self.folder = folder
        self.entries = {}          # object id -> metadata
        self.files = {}            # object id -> path of the kept file
        self.writes = 0

    def add(self, object_id, text, **metadata):
        path = os.path.join(self.folder, object_id)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        self.entries[object_id] = dict(metadata)
        self.files[object_id] = path

    def get(self, object_id):
        if object_id not in self.entries:
            raise KeyError(object_id)      # dbus.DBusException in the real one
        return FakeEntry(self, object_id, self.entries[object_id])

    def create(self):
        return FakeEntry(self)

    def write(self, entry, transfer_ownership=False):
        self.writes += 1
        if entry.object_id is None:
            entry.object_id = "entry-%d" % (len(self.entries) + 1)
        kept = os.path.join(self.folder, entry.object_id)
        shutil.copy(entry.get_file_path(), kept)
        if transfer_ownership:
            os.remove(entry.get_file_path())
        self.entries[entry.object_id] = dict(entry.metadata)
        self.files[entry.object_id] = kept

    def text(self, object_id):
        with open(self.files[object_id], encoding="utf-8") as f:
            return f.read()
