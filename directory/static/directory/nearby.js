/* 找工会: "按离我最近排列" asks the browser for the reader's position and reloads the list with
   lat/lng in the address. The position goes only to this site's server, which sorts; nothing else. */
(function () {
  var button = document.querySelector("[data-nearby]");
  if (!button || !navigator.geolocation) return;
  var status = document.querySelector("[data-nearby-status]");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "正在获取位置…";
    navigator.geolocation.getCurrentPosition(function (position) {
      var params = new URLSearchParams(window.location.search);
      params.set("lat", position.coords.latitude.toFixed(4));
      params.set("lng", position.coords.longitude.toFixed(4));
      params.delete("page");
      window.location.search = params.toString();
    }, function () {
      status.textContent = "未能获取位置，可以按市州、县区筛选。";
    }, { timeout: 10000, maximumAge: 600000 });
  });
})();
